/**
 * The scope-and-mapping preview over the imported users, computed in main once per change and then served
 * in pages: 100,000 users would be far too much to hand to the window at once.
 */
import { runPreview, type PreviewResult } from '../../shared/mapping';
import type { ConfigurationStore } from './configuration';

export class PreviewCache {
  private result: Promise<PreviewResult | null> | null = null;

  constructor(private readonly configuration: ConfigurationStore) {}

  /** Call after anything the preview depends on changed: imports, mapping, scope. */
  invalidate(): void {
    this.result = null;
  }

  current(): Promise<PreviewResult | null> {
    this.result ??= this.compute().catch((error: unknown) => {
      this.result = null;
      throw error;
    });
    return this.result;
  }

  private async compute(): Promise<PreviewResult | null> {
    const [users, assignments, mapping, scope] = await Promise.all([
      this.configuration.importedUsers(),
      this.configuration.importedAssignments(),
      this.configuration.mapping(),
      this.configuration.scope(),
    ]);
    if (!users) return null;
    return runPreview({
      users: users.users,
      ...(assignments ? { assignments: assignments.assignments } : {}),
      mapping: mapping.config,
      scope: scope.config,
    });
  }
}
