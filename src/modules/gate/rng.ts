// The seeded generator lives in infra so every module draws from the same one.
export { seededRng, type Rng } from '../../infra/random/index.ts';
