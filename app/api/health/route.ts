import { NextResponse } from "next/server";
import { connection } from "next/server";
import { checkDatabase } from "@/lib/data/health";
import { queriesSent } from "@/lib/prisma-factory";

export async function GET() {
  await connection();
  try {
    // Read before this check's own query: the statements every earlier request sent.
    const queries = queriesSent();
    const db = await checkDatabase();
    return NextResponse.json(
      { status: "ok", db, ...(queries === null ? {} : { queries }) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return NextResponse.json(
      { status: "error", error: message },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
