/**
 * The card preview's custom LSP request, shared by server and client so the two cannot drift.
 * The server renders (it holds the one parser, the workspace vocabularies and the report index);
 * the client only hosts the HTML in a webview.
 */
export const RENDER_CARD_METHOD = 'resourceAuthoring/renderCard';

export interface RenderCardParams {
  /** An open text document's URI, as the client knows it. */
  uri: string;
}

export interface CardPosition {
  line: number;
  character: number;
}

/** A problem listed in the card's status strip; `data-problem="i"` in the HTML is its index here. */
export interface CardProblemItem {
  code: string;
  message: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  range: { start: CardPosition; end: CardPosition };
}

/** Where a section the card links to (`data-section="4.3"`) is, so a click can open the report there. */
export interface CardSectionLocation {
  uri: string;
  line: number;
}

export interface RenderCardResult {
  uri: string;
  /** The document version rendered: the client re-asks when its document is newer. */
  version: number;
  /** The card's HTML (markup only; the client's page adds CSP, styles and script). */
  html: string;
  problems: CardProblemItem[];
  sections: Record<string, CardSectionLocation>;
  /** False when the file does not match `resourceAuthoring.resourceGlobs` (the card is still rendered). */
  isResource: boolean;
}
