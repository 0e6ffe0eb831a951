/**
 * Every topic of the system and its dead-letter topic, from the registry in @convergence/schemas.
 * Loaded lazily (and through the workspace path aliases, see registerWorkspacePaths) so the rest of the
 * dev stack does not depend on the schemas library.
 */
export async function systemTopicNames(): Promise<string[]> {
  const { allTopics, deadLetterTopicOf } = await import('@convergence/schemas');
  return allTopics().flatMap((topic) => [topic.name, deadLetterTopicOf(topic.name)]);
}
