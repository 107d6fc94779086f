// Records the graph model version in the store: one marker node, created the
// first time, its version set (docs/MODEL.md, "Model version"). Written when
// a store that holds no version 1 record is opened, and by `claimgraph
// migrate` in the transaction that upgrades the graph.
// @mode write
// @param id       the marker's id, "claimgraph"
// @param version  the model version, 2
// @param at       when (ISO 8601)
MERGE (m:GraphModel {id: $id})
SET m.version = $version,
    m.createdAt = coalesce(m.createdAt, $at),
    m.updatedAt = $at
RETURN m.version AS version
