// ESLint rule: the module boundary of ARCHITECTURE.md.
// - A file under src/modules/a/ may import from src/modules/b/ only through src/modules/b/index.ts.
// - src/infra/ imports no module.
import path from 'node:path';

const MODULES = `${path.sep}src${path.sep}modules${path.sep}`;
const INFRA = `${path.sep}src${path.sep}infra${path.sep}`;

function moduleOf(file) {
  const i = file.indexOf(MODULES);
  if (i < 0) return null;
  const rest = file.slice(i + MODULES.length).split(path.sep);
  return { name: rest[0], inner: rest.slice(1).join('/') };
}

/** @type {import('eslint').Rule.RuleModule} */
export const moduleBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'Modules import each other only through index.ts; infra imports no module' },
    messages: {
      throughIndex: "Module '{{from}}' may import module '{{to}}' only through its index.ts, not '{{inner}}'.",
      infraImportsModule: "src/infra must not import a domain module ('{{to}}').",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = moduleOf(file);
    const inInfra = file.includes(INFRA);
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const to = moduleOf(target + (path.extname(target) ? '' : path.sep));
      if (!to) return;
      if (inInfra) {
        context.report({ node, messageId: 'infraImportsModule', data: { to: to.name } });
        return;
      }
      if (!from || from.name === to.name) return;
      const inner = to.inner.replace(/\/$/, '');
      if (inner !== 'index.ts' && inner !== 'index.js' && inner !== '') {
        context.report({ node, messageId: 'throughIndex', data: { from: from.name, to: to.name, inner } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'module-boundary': moduleBoundary } };
