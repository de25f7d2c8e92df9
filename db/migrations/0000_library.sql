CREATE TABLE `account_settings` (
	`platform` text NOT NULL,
	`user_id` text NOT NULL,
	`language` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`platform`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`language` text NOT NULL,
	`language_group` text NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`type` text DEFAULT '' NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`topics_key` text DEFAULT '||' NOT NULL,
	`publisher` text DEFAULT '' NOT NULL,
	`year` integer,
	`url` text DEFAULT '' NOT NULL,
	`content_hash` text NOT NULL,
	`imported_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_id_unique` ON `documents` (`id`);--> statement-breakpoint
CREATE INDEX `documents_language_group` ON `documents` (`language_group`);--> statement-breakpoint
CREATE INDEX `documents_year` ON `documents` (`year`);--> statement-breakpoint
CREATE INDEX `documents_country` ON `documents` (`country`);--> statement-breakpoint
CREATE TABLE `search_sessions` (
	`token` text PRIMARY KEY NOT NULL,
	`query` text NOT NULL,
	`platform` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `search_sessions_created_at` ON `search_sessions` (`created_at`);