// Counts the questions (for questions.totalCount).
// @mode read
MATCH (q:Question)
RETURN count(q) AS total
