// Types of lib/security/headers.mjs (plain JavaScript so that next.config.mjs can load it).
export const EDITOR_IMAGES: string;
export function sitePolicy(frameAncestors: string, scriptSources?: string, imageSources?: string): string;
export const READER_POLICY: string;
export const ADMIN_POLICY: string;
export const MEDIA_POLICY: string;
export function securityHeaderRules(): { source: string; headers: { key: string; value: string }[] }[];
