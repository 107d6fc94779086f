import { lintShard } from './cypher-lint';

// Part 2 of the lint of every Cypher file (test/store/cypher-lint.ts picks the files).
lintShard(2);
