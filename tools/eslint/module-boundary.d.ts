import type { Rule } from 'eslint';

/** The module-boundary rule (see module-boundary.js). */
export declare const moduleBoundary: Rule.RuleModule;
declare const plugin: { rules: Record<string, Rule.RuleModule> };
export default plugin;
