-- CreateIndex
CREATE INDEX "gateway_outbox_created_at_idx" ON "gateway_outbox"("created_at");

-- CreateIndex
CREATE INDEX "registry_voucher_history_recorded_at_idx" ON "registry_voucher_history"("recorded_at");

-- CreateIndex
CREATE INDEX "gateway_voucher_event_voucher_code_hash_idx" ON "gateway_voucher_event"("voucher_code_hash");
