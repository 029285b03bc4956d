// The seeded generator lives in infra so every module draws from the same one.
export { seededRng, permutation, type Rng } from '../../infra/random/index.ts';
