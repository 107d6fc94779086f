// Creates or updates sources by id; re-running with the same rows changes nothing.
// @mode write
// @param rows  list of {id, name, kind, anonymous, count, description, aliases}
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.name = row.name,
    s.kind = row.kind,
    s.anonymous = row.anonymous,
    s.count = row.count,
    s.description = row.description,
    s.aliases = row.aliases
RETURN count(s) AS written
