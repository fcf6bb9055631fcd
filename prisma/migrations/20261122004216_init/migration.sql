-- CreateTable
CREATE TABLE "gateway_purchase" (
    "event_id" UUID NOT NULL,
    "voucher_code_hash" TEXT NOT NULL,
    "voucher_code_masked" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "store_id" TEXT NOT NULL,
    "cashbox_id" TEXT NOT NULL,
    "receipt_number" TEXT NOT NULL,
    "purchased_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "accepted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_purchase_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "gateway_outbox" (
    "id" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "message_key" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "gateway_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registry_voucher" (
    "voucher_code_hash" TEXT NOT NULL,
    "voucher_code_masked" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "balance_minor" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "last_event_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registry_voucher_pkey" PRIMARY KEY ("voucher_code_hash")
);

-- CreateTable
CREATE TABLE "registry_processed_event" (
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registry_processed_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "gateway_purchase_voucher_code_hash_key" ON "gateway_purchase"("voucher_code_hash");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_outbox_event_id_key" ON "gateway_outbox"("event_id");

-- Hand-written (not generated from schema.prisma): the outbox relay polls
--   SELECT ... FROM gateway_outbox WHERE sent_at IS NULL ORDER BY id LIMIT n
-- and only unsent rows are interesting. A partial index keeps that lookup small however many
-- rows have already been relayed. schema.prisma cannot express it without the `partialIndexes`
-- preview feature, so it lives only here (and in later migrations if it ever changes).
CREATE INDEX "gateway_outbox_unsent_idx" ON "gateway_outbox" ("id") WHERE "sent_at" IS NULL;
