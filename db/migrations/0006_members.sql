CREATE TABLE `member_accounts` (
	`platform` text NOT NULL,
	`user_id` text NOT NULL,
	`member_id` text NOT NULL,
	`linked_at` text NOT NULL,
	PRIMARY KEY(`platform`, `user_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_accounts_member` ON `member_accounts` (`member_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text,
	`language` text,
	`role` text NOT NULL,
	`status` text NOT NULL,
	`consent_version` text NOT NULL,
	`consented_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
