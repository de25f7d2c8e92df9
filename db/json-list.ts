/** A JSON array of strings as stored in a text column; anything else reads as empty rather than failing a lookup. */
export function parseJsonList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
