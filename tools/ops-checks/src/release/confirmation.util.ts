/** The exact phrase an operator types to deploy `release` to mainnet. */
export function confirmationPhraseFor(release: string): string {
  return `deploy ${release} to mainnet`;
}

/** Whether `typed` is the confirmation for `release` (exact, apart from surrounding spaces). */
export function isConfirmed(release: string, typed: string | undefined): boolean {
  return typed?.trim() === confirmationPhraseFor(release);
}

/** Release names that can be image tags: semver-like, never `latest` or a branch name like `main`. */
export function releaseProblem(release: string): string | undefined {
  if (!/^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(release)) {
    return `release must be a version such as 1.4.0 or 1.4.0-rc.1 (is "${release}")`;
  }
  return undefined;
}
