-- CreateTable
CREATE TABLE "gateway_voucher_event" (
    "event_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "voucher_code_hash" TEXT NOT NULL,
    "voucher_code_masked" TEXT NOT NULL,
    "store_id" TEXT NOT NULL,
    "cashbox_id" TEXT NOT NULL,
    "receipt_number" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "accepted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_voucher_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "gateway_voucher_event_store_id_cashbox_id_receipt_number_vo_key" ON "gateway_voucher_event"("store_id", "cashbox_id", "receipt_number", "voucher_code_hash", "event_type");
