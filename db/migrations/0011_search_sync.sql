CREATE TABLE `search_outbox` (
	`change` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_sync_state` (
	`target` text PRIMARY KEY NOT NULL,
	`collection` text NOT NULL,
	`cursor` integer DEFAULT 0 NOT NULL,
	`synced_at` text
);

--> statement-breakpoint
-- Every document written or removed while a search index is kept in sync
-- (db/schema/search-sync.ts). Triggers, so no write path can forget it.
CREATE TRIGGER `documents_outbox_insert` AFTER INSERT ON `documents`
WHEN EXISTS (SELECT 1 FROM `search_sync_state`)
BEGIN
	INSERT INTO `search_outbox` (`document_id`) VALUES (new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `documents_outbox_update` AFTER UPDATE ON `documents`
WHEN EXISTS (SELECT 1 FROM `search_sync_state`)
BEGIN
	INSERT INTO `search_outbox` (`document_id`) VALUES (new.`id`);
	INSERT INTO `search_outbox` (`document_id`) SELECT old.`id` WHERE old.`id` <> new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `documents_outbox_delete` AFTER DELETE ON `documents`
WHEN EXISTS (SELECT 1 FROM `search_sync_state`)
BEGIN
	INSERT INTO `search_outbox` (`document_id`) VALUES (old.`id`);
END;
