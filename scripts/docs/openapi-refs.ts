/** Every `#/components/<kind>/<name>` reachable from `root`, following references inside components. */
export function referencedComponents(
  root: unknown,
  components: Record<string, Record<string, unknown>>,
): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const ref = key === '$ref' && typeof value === 'string' ? /^#\/components\/([^/]+)\/(.+)$/.exec(value) : null;
      if (ref) {
        const [, kind, name] = ref as unknown as [string, string, string];
        const names = found.get(kind) ?? found.set(kind, new Set()).get(kind)!;
        if (!names.has(name)) {
          names.add(name);
          visit(components[kind]?.[name]);
        }
      } else {
        visit(value);
      }
    }
  };
  visit(root);
  return found;
}

/** The components of `kind` that `root` reaches, in their order (what a document keeps of them). */
export function keepReferenced(
  root: unknown,
  components: Record<string, Record<string, unknown>>,
  kind: string,
): Record<string, unknown> {
  const names = referencedComponents(root, components).get(kind) ?? new Set();
  return Object.fromEntries(Object.entries(components[kind] ?? {}).filter(([name]) => names.has(name)));
}
