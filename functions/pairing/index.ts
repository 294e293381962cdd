import { http } from '@google-cloud/functions-framework';
import { bootFunction } from '../../shared/http/boot';
import { createPairingApp } from './app';

http('pairing', await bootFunction('pairing', createPairingApp));
