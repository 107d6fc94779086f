// The text of each given document, when kept (appearances' selectors anchor
// in it). Apart from documents-by-ids: a text can be long, and only a client
// that asks for it should pay for it.
// @mode read
// @param ids  list of document ids
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id AS key, d.text AS text
