CREATE TABLE `link_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`issued_to` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
