// What a sealed start runs once unlocked, in tests: the real service over one Telegram transport
// talking to the fake Bot API (shared by the passphrase and the k-of-n share tests).

import { readCentres } from '../../src/bootstrap.js';
import type { Settings } from '../../src/config.js';
import { systemClock } from '../../src/core/clock.js';
import type { Logger } from '../../src/logger.js';
import type { Running } from '../../src/sealed-start.js';
import { startService } from '../../src/service.js';
import type { Store } from '../../src/store/store.js';
import type { FakeTelegram } from '../fakes/telegram/fake-telegram.js';
import { makeTransport } from '../telegram/support.js';

export function serviceOverFakeTelegram(fake: FakeTelegram, settings: Settings, logger: Logger): (store: Store) => Promise<Running> {
  return async (store) => {
    const { transport } = makeTransport(fake);
    const service = await startService({
      store,
      centres: readCentres(settings),
      transports: [transport],
      clock: systemClock,
      logger,
      lang: 'fr',
      retentionDays: 30,
      reminders: settings.reminders,
      outboxPollMs: 50,
    });
    return { store, stop: () => service.stop() };
  };
}
