/** What a profile id may be: kebab-case, starting with a letter. */
export const PROFILE_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MAX_PROFILE_ID_LENGTH = 80;

export function isProfileId(text: string): boolean {
  return text.length <= MAX_PROFILE_ID_LENGTH && PROFILE_ID_PATTERN.test(text);
}

/**
 * The only name a profile file may have: its id and ".md". So the file that holds a role is known
 * from the role's id alone, and `show` and `compare` need not read the other files to find it.
 */
export function profileFileName(id: string): string {
  return `${id}.md`;
}
