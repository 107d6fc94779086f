// One page of the change log, newest first. Keyset pagination on the change
// id, which begins with the time (an ISO 8601 instant, so its first
// character is a digit): seek, limit, then project.
// @mode read
// @param after  change id the previous page ended with, or '~' for the newest (it sorts after every change id)
// @param limit  maximum number of rows
MATCH (c:Change)
WHERE c.id < $after
WITH c ORDER BY c.id DESC LIMIT $limit
RETURN c {.id, .at, .by, .action, .kind, .target, .details} AS change
ORDER BY change.id DESC
