/**
 * A list of names for a terminal line: all of them when few, else the first ones and how many
 * more ("a, b, c and 997 more"). A library may hold thousands of ladders; JSON keeps every id.
 */
export function shortList(names: string[], max = 3): string {
  if (names.length <= max + 1) return names.join(", ");
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}
