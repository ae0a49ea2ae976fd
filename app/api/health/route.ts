import { NextResponse } from "next/server";
import { connection } from "next/server";
import { checkDatabase } from "@/lib/data/health";

export async function GET() {
  await connection();
  try {
    const db = await checkDatabase();
    return NextResponse.json({ status: "ok", db }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return NextResponse.json(
      { status: "error", error: message },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
