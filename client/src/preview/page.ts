/**
 * The webview's HTML document around a card: the Content-Security-Policy, our stylesheet and our
 * one script. Pure (no `vscode` import) so the browser test loads exactly what the webview loads.
 */

export interface PageOptions {
  /** Where the webview may load our files from (`webview.cspSource`). */
  cspSource: string;
  /** A fresh random value per page: only a script carrying it may run. */
  nonce: string;
  styleUri: string;
  scriptUri: string;
  /** The card's HTML from the renderer (already escaped there), or a placeholder. */
  body: string;
  /** What the script keeps for the serializer: the previewed file and whether the preview is locked. */
  state: { resource: string; locked: boolean };
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Nothing but our stylesheet, the site's inlined stylesheets and the script with the nonce may load or run: no inline script, no
 * event-handler attributes, no eval, no frames, no forms, no plugins; images only from us or https.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    // The nonce lets the script apply the site's stylesheets (inlined text, never a URL) for its tile.
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} https:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function previewPage(options: PageOptions): string {
  const { cspSource, nonce, styleUri, scriptUri, body, state } = options;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(styleUri)}">
<title>Card preview</title>
</head>
<body>
<main id="card" data-state="${attr(JSON.stringify(state))}">${body}</main>
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>`;
}

/** A short message in place of a card (loading, the server is unavailable, …). */
export function placeholder(message: string): string {
  return `<div class="card-preview"><p class="notice">${attr(message)}</p></div>`;
}
