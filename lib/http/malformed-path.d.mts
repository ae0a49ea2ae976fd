export const MALFORMED_PATH_SOURCE: string;
export const BAD_REQUEST_PATH: string;
