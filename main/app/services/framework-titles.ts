/** Human titles of framework ids (from the shared framework catalogue when it is in this build). */

/** The framework's title, or its id when the catalogue does not name it. */
export function frameworkTitle(id: string): string {
  return id;
}
