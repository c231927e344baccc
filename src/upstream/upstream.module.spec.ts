import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { UpstreamClient } from './upstream.client';
import { UpstreamModule } from './upstream.module';
import { UpstreamClientOptions } from './upstream.options';

const OPTIONS: UpstreamClientOptions = {
  baseUrl: 'http://127.0.0.1:9',
  token: 'token',
  loginReason: 'testing',
  timeoutMs: 1000,
  concurrency: 2,
  maxRequestsPerSecond: 0,
  maxRetries: 0,
  breakerThreshold: 1,
  breakerCooldownMs: 1000,
};

const SETTINGS = 'SETTINGS';

@Module({
  providers: [{ provide: SETTINGS, useValue: { concurrency: 3 } }],
  exports: [SETTINGS],
})
class SettingsModule {}

describe('UpstreamModule', () => {
  it('provides the client from fixed options', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [UpstreamModule.register(OPTIONS)],
    }).compile();
    const client = moduleRef.get(UpstreamClient);
    expect(client).toBeInstanceOf(UpstreamClient);
    expect(client.state).toBe('unknown');
  });

  it('builds the options from injected providers', async () => {
    const factory = jest.fn((settings: { concurrency: number }) => ({
      ...OPTIONS,
      concurrency: settings.concurrency,
    }));
    const moduleRef = await Test.createTestingModule({
      imports: [
        UpstreamModule.forRoot({
          imports: [SettingsModule],
          inject: [SETTINGS],
          useFactory: factory,
        }),
      ],
    }).compile();
    expect(moduleRef.get(UpstreamClient)).toBeInstanceOf(UpstreamClient);
    expect(factory).toHaveBeenCalledWith({ concurrency: 3 });
  });

  it('refuses options that cannot work', () => {
    expect(() => new UpstreamClient({ ...OPTIONS, concurrency: 0 })).toThrow(
      /concurrency must be >= 1/,
    );
    expect(
      () => new UpstreamClient({ ...OPTIONS, loginReason: 'x'.repeat(257) }),
    ).toThrow(/at most 256 characters/);
  });
});
