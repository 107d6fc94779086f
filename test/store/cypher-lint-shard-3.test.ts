import { lintShard } from './cypher-lint';

// Part 3 of the lint of every Cypher file (test/store/cypher-lint.ts picks the files).
lintShard(3);
