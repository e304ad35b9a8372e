export {
  type ExchangedToken,
  type TokenExchangeFeature,
  type TokenExchangeOptions,
  TokenTypeUri,
  tokenExchange,
} from './tokenExchange.ts'
