import { http } from '@google-cloud/functions-framework';
import { bootFunction } from '../../shared/http/boot';
import { createWorkersApp } from './app';

http('workers', await bootFunction('workers', createWorkersApp));
