/**
 * Nunjucks' browser build: the same engine and compiler as the package's main entry, without its
 * file-system loaders (no `fs`, no chokidar), so the core can bundle it and stay host-free.
 */
declare module 'nunjucks/browser/nunjucks.js' {
  export * from 'nunjucks';
}
