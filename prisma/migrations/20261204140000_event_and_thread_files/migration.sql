-- Files attached to events (flyers, slides) and to sub-group discussion threads.
ALTER TYPE "FileOwnerKind" ADD VALUE 'EVENT';
ALTER TYPE "FileOwnerKind" ADD VALUE 'THREAD';
