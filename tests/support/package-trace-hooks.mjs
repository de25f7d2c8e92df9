// Module resolve hook (runs on Node's loader thread): reports bare specifiers only, the packages, with the module that asked.
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (!/^(\.|\/|node:|file:|data:)/.test(specifier)) {
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    process.stderr.write(`package-trace: ${name} ${context.parentURL ?? ''}\n`);
  }
  return resolved;
}
