/** What `WorkspaceConfiguration.inspect` tells of one key (the scopes a value can be set in). */
export interface InspectedValue {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/**
 * The settings the author set (user, workspace or folder settings, the narrowest winning), as flat
 * keys, leaving out the defaults VS Code fills in: the server lays these over the folder's
 * checked-in configuration file, which an unset key must not hide.
 */
export function explicitSettings(keys: readonly string[], inspect: (key: string) => InspectedValue | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const found = inspect(key);
    const value = found?.workspaceFolderValue ?? found?.workspaceValue ?? found?.globalValue;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The keys of the section's settings (without its prefix) that package.json contributes. */
export function contributedKeys(packageJson: unknown, section: string): string[] {
  const properties = (packageJson as { contributes?: { configuration?: { properties?: Record<string, unknown> } } })?.contributes
    ?.configuration?.properties;
  return Object.keys(properties ?? {})
    .filter((k) => k.startsWith(`${section}.`))
    .map((k) => k.slice(section.length + 1));
}
