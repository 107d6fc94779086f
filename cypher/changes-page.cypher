// One page of the change log, newest first. Keyset pagination on the change
// id, which begins with the time.
// @mode read
// @param after  change id the previous page ended with, or null for the newest
// @param limit  maximum number of rows
MATCH (c:Change)
WHERE $after IS NULL OR c.id < $after
RETURN c {.id, .at, .by, .action, .kind, .target, .details} AS change
ORDER BY change.id DESC
LIMIT $limit
