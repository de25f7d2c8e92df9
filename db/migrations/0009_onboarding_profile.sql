CREATE TABLE `pending_inputs` (
	`platform` text NOT NULL,
	`user_id` text NOT NULL,
	`step` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`platform`, `user_id`)
);
--> statement-breakpoint
ALTER TABLE `members` ADD `country` text;--> statement-breakpoint
ALTER TABLE `members` ADD `profession` text;--> statement-breakpoint
ALTER TABLE `members` ADD `organisation` text;--> statement-breakpoint
ALTER TABLE `members` ADD `topics` text DEFAULT '[]' NOT NULL;