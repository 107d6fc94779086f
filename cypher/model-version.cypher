// The graph model version recorded in the store: the marker node that every
// store opened or written by this version carries (docs/MODEL.md, "Model
// version"). No row when the store has none (a store of version 1, or one
// never opened by a version that writes the marker). `nameKeys`: the version
// of the rules its name keys were made with (null: made before it was recorded).
// @mode read
// @param id  the marker's id, "claimgraph"
MATCH (m:GraphModel {id: $id})
RETURN m.version AS version, m.nameKeys AS nameKeys
