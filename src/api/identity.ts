// Identities and roles live below every layer (src/identity.ts): the configuration parses them too.
export * from '../identity';
