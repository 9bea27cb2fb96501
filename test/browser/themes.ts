/**
 * The CSS variables VS Code sets on a webview's root for its default themes (a subset: the ones
 * the card uses), and the body class it adds. The browser test applies them the way VS Code does,
 * so screenshots show the card as it looks in the editor.
 */
export interface Theme {
  name: string;
  bodyClass: string;
  colors: Record<string, string>;
}

const FONTS = {
  '--vscode-font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", "DejaVu Sans", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-editor-font-family': '"Droid Sans Mono", "DejaVu Sans Mono", monospace',
};

export const LIGHT: Theme = {
  name: 'light',
  bodyClass: 'vscode-light',
  colors: {
    ...FONTS,
    '--vscode-foreground': '#3b3b3b',
    '--vscode-editor-background': '#ffffff',
    '--vscode-descriptionForeground': '#616161',
    '--vscode-textLink-foreground': '#005fb8',
    '--vscode-textLink-activeForeground': '#005fb8',
    '--vscode-focusBorder': '#005fb8',
    '--vscode-badge-background': '#e4e4e4',
    '--vscode-badge-foreground': '#3b3b3b',
    '--vscode-editorWidget-background': '#f8f8f8',
    '--vscode-widget-border': '#e5e5e5',
    '--vscode-widget-shadow': 'rgba(0, 0, 0, 0.16)',
    '--vscode-panel-border': '#e5e5e5',
    '--vscode-editorError-foreground': '#e51400',
    '--vscode-editorWarning-foreground': '#bf8803',
    '--vscode-editorInfo-foreground': '#1a85ff',
    '--vscode-inputValidation-errorBackground': '#f2dede',
    '--vscode-inputValidation-warningBackground': '#f6f5d2',
    '--vscode-inputValidation-infoBackground': '#d6ecf2',
    '--vscode-testing-iconPassed': '#388a34',
    '--vscode-list-hoverBackground': '#f2f2f2',
    '--vscode-textCodeBlock-background': '#f2f2f2',
    '--vscode-textPreformat-foreground': '#3b3b3b',
    '--vscode-textBlockQuote-background': '#f8f8f8',
    '--vscode-textBlockQuote-border': '#e5e5e5',
  },
};

export const DARK: Theme = {
  name: 'dark',
  bodyClass: 'vscode-dark',
  colors: {
    ...FONTS,
    '--vscode-foreground': '#cccccc',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-textLink-foreground': '#4daafc',
    '--vscode-textLink-activeForeground': '#4daafc',
    '--vscode-focusBorder': '#0078d4',
    '--vscode-badge-background': '#616161',
    '--vscode-badge-foreground': '#f8f8f8',
    '--vscode-editorWidget-background': '#202020',
    '--vscode-widget-border': '#313131',
    '--vscode-widget-shadow': 'rgba(0, 0, 0, 0.36)',
    '--vscode-panel-border': '#2b2b2b',
    '--vscode-editorError-foreground': '#f14c4c',
    '--vscode-editorWarning-foreground': '#cca700',
    '--vscode-editorInfo-foreground': '#3794ff',
    '--vscode-inputValidation-errorBackground': '#5a1d1d',
    '--vscode-inputValidation-warningBackground': '#352a05',
    '--vscode-inputValidation-infoBackground': '#063b49',
    '--vscode-testing-iconPassed': '#73c991',
    '--vscode-list-hoverBackground': '#2a2d2e',
    '--vscode-textCodeBlock-background': '#2b2b2b',
    '--vscode-textPreformat-foreground': '#d0d0d0',
    '--vscode-textBlockQuote-background': '#2b2b2b',
    '--vscode-textBlockQuote-border': '#616161',
  },
};

export const HIGH_CONTRAST: Theme = {
  name: 'high-contrast',
  bodyClass: 'vscode-high-contrast',
  colors: {
    ...FONTS,
    '--vscode-foreground': '#ffffff',
    '--vscode-editor-background': '#000000',
    '--vscode-descriptionForeground': '#ffffff',
    '--vscode-textLink-foreground': '#21a6ff',
    '--vscode-textLink-activeForeground': '#21a6ff',
    '--vscode-focusBorder': '#f38518',
    '--vscode-contrastBorder': '#6fc3df',
    '--vscode-contrastActiveBorder': '#f38518',
    '--vscode-badge-background': '#000000',
    '--vscode-badge-foreground': '#ffffff',
    '--vscode-editorWidget-background': '#0c141f',
    '--vscode-widget-border': '#6fc3df',
    '--vscode-widget-shadow': 'transparent',
    '--vscode-panel-border': '#6fc3df',
    '--vscode-editorError-foreground': '#f48771',
    '--vscode-editorWarning-foreground': '#ffd700',
    '--vscode-editorInfo-foreground': '#3794ff',
    '--vscode-inputValidation-errorBackground': '#000000',
    '--vscode-inputValidation-warningBackground': '#000000',
    '--vscode-inputValidation-infoBackground': '#000000',
    '--vscode-testing-iconPassed': '#73c991',
    '--vscode-list-hoverBackground': 'transparent',
    '--vscode-textCodeBlock-background': '#0a0a0a',
    '--vscode-textPreformat-foreground': '#ffd700',
    '--vscode-textBlockQuote-background': 'transparent',
    '--vscode-textBlockQuote-border': '#ffffff',
  },
};
