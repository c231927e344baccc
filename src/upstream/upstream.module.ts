import {
  DynamicModule,
  FactoryProvider,
  Module,
  ModuleMetadata,
  Provider,
} from '@nestjs/common';
import { UpstreamClient } from './upstream.client';
import { UPSTREAM_OPTIONS, UpstreamClientOptions } from './upstream.options';

export interface UpstreamModuleFactory<Args extends unknown[]> {
  imports?: ModuleMetadata['imports'];
  /** Providers handed to `useFactory`, e.g. the Environment. */
  inject?: FactoryProvider['inject'];
  useFactory: (
    ...args: Args
  ) => UpstreamClientOptions | Promise<UpstreamClientOptions>;
}

/** Provides the {@link UpstreamClient}; options come from the app. */
@Module({})
export class UpstreamModule {
  /** Options known up front (tests, scripts). */
  static register(options: UpstreamClientOptions): DynamicModule {
    return UpstreamModule.build([], {
      provide: UPSTREAM_OPTIONS,
      useValue: options,
    });
  }

  /** Options built from other providers, e.g. the validated Environment. */
  static forRoot<Args extends unknown[]>(
    factory: UpstreamModuleFactory<Args>,
  ): DynamicModule {
    return UpstreamModule.build(factory.imports ?? [], {
      provide: UPSTREAM_OPTIONS,
      // Nest calls the factory with the resolved `inject` list, i.e. Args.
      useFactory: factory.useFactory as (
        ...args: unknown[]
      ) => UpstreamClientOptions | Promise<UpstreamClientOptions>,
      inject: factory.inject ?? [],
    });
  }

  private static build(
    imports: NonNullable<ModuleMetadata['imports']>,
    optionsProvider: Provider<UpstreamClientOptions>,
  ): DynamicModule {
    return {
      module: UpstreamModule,
      imports,
      providers: [optionsProvider, UpstreamClient],
      exports: [UpstreamClient],
    };
  }
}
