-- CreateTable
CREATE TABLE "gateway_idempotency_key" (
    "api_key_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_idempotency_key_pkey" PRIMARY KEY ("api_key_id","idempotency_key")
);

-- CreateIndex
CREATE INDEX "gateway_idempotency_key_created_at_idx" ON "gateway_idempotency_key"("created_at");
