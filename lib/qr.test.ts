import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { QR_LABEL, qrSvg } from "@/lib/qr";

describe("qrSvg", () => {
  it("draws the address's code as a labelled SVG with no text of the address in it", async () => {
    const url = "https://www.example.cn/rongan/123?<script>";
    const svg = await qrSvg(url);
    expect(svg.startsWith(`<svg role="img" aria-label="${QR_LABEL}" focusable="false" xmlns=`)).toBe(true);
    expect(svg).not.toContain("example");
    expect(svg).not.toContain("<script");
    // The size the library chose for this address (modules + 2 × margin 2).
    const size = QRCode.create(url, { errorCorrectionLevel: "M" }).modules.size + 4;
    expect(svg).toContain(`viewBox="0 0 ${size} ${size}"`);
  });

  it("gives the same markup for the same address (the cached page does not change)", async () => {
    expect(await qrSvg("http://localhost:3000/liujiang/1")).toBe(
      await qrSvg("http://localhost:3000/liujiang/1"),
    );
  });
});
