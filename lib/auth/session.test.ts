import { describe, expect, it } from "vitest";
import { forbid } from "@/lib/auth/session";

function digestOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof Error && "digest" in error ? String(error.digest) : `plain: ${String(error)}`;
  }
  return undefined;
}

describe("forbid", () => {
  it("falls back to Next's 404 interrupt while experimental.authInterrupts is off", () => {
    // Under vitest Next's build-time flag is absent, exactly as in a build without the option.
    expect(digestOf(forbid)).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});
