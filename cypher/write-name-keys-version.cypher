// Records in the store's model marker the version of the rules its name keys
// and search words were made with (src/graph/names.ts NAME_KEYS_VERSION,
// docs/MODEL.md "Names"), after they were rebuilt, so that later opens do
// not rebuild them again. Creates the marker if the store has none yet.
// @mode write
// @param id       the marker's id, "claimgraph"
// @param version  the name keys version
// @param at       when (ISO 8601)
MERGE (m:GraphModel {id: $id})
SET m.nameKeys = $version,
    m.createdAt = coalesce(m.createdAt, $at),
    m.updatedAt = $at
RETURN m.nameKeys AS nameKeys
