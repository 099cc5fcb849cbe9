-- A bot post belongs to the chat it was sent in: after a Telegram group becomes a supergroup,
-- message ids start again and must not find posts made in the old chat.
ALTER TABLE posts ADD COLUMN chat_bidx BLOB;
CREATE INDEX posts_by_chat_request ON posts (group_id, chat_bidx, number);
