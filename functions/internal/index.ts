import { http } from '@google-cloud/functions-framework';
import { bootFunction } from '../../shared/http/boot';
import { createInternalApp } from './app';

http('internal', await bootFunction('internal', createInternalApp));
