-- CreateTable
CREATE TABLE "bridge_api_key" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "store_id" TEXT,
    "cashbox_id" TEXT,
    "label" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "bridge_api_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "bridge_api_key_key_hash_key" ON "bridge_api_key"("key_hash");

-- Added by hand (Prisma cannot express CHECK constraints): the kinds the code knows, and a
-- cashbox key is always bound to one store and one cashbox.
ALTER TABLE "bridge_api_key" ADD CONSTRAINT "bridge_api_key_kind_check"
    CHECK ("kind" IN ('cashbox', 'shop', 'operator'));
ALTER TABLE "bridge_api_key" ADD CONSTRAINT "bridge_api_key_cashbox_binding_check"
    CHECK ("kind" <> 'cashbox' OR ("store_id" IS NOT NULL AND "cashbox_id" IS NOT NULL));
